import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PHRASES, localize } from '../../src/index.js';
import { COUNTY_POSTS, TOWNSHIP_POSTS, VILLAGE_POSTS } from '../../src/synthetic/names.js';

const HAN = /\p{Script=Han}/u;

describe('localize', () => {
  test('every phrase has one English name, and shows in each locale', () => {
    const phrases = Object.values(PHRASES);
    expect(new Set(phrases.map((p) => p.zh)).size).toBe(phrases.length);
    for (const p of phrases) {
      expect(localize(p.zh, 'en'), p.zh).toBe(p.en);
      expect(localize(p.zh, 'zh-CN')).toBe(p.zh);
      expect(localize(p.zh)).toBe(p.zh);
      expect(HAN.test(p.en), p.en).toBe(false);
    }
  });

  test('every post the synthetic county gives its cadres has an English name', () => {
    const posts = [
      ...COUNTY_POSTS,
      ...TOWNSHIP_POSTS,
      ...TOWNSHIP_POSTS.map((p) => p.replace('镇长', '主任')),
      ...VILLAGE_POSTS.flatMap((p) => [p.replace('村(居)委会', '村委会'), p.replace('村(居)委会', '居委会')]),
      '社区居委会主任',
      '党组书记',
      '党组成员、副职',
    ];
    for (const post of posts) expect(HAN.test(localize(post, 'en')), post).toBe(false);
    expect(localize('县委副书记、县长', 'en')).toBe('deputy county Party secretary, county head');
  });

  test('names keep their proper part and translate their generic part', () => {
    expect(localize('第一督导组', 'en')).toBe('supervision group 1');
    expect(localize('第十督导组', 'en')).toBe('supervision group 10');
    expect(localize('第二十三督导组', 'en')).toBe('supervision group 23');
    expect(localize('城北社区临时检查点', 'en')).toBe('checkpoint at 城北社区');
    expect(localize('乔家镇值班室', 'en')).toBe('duty room at 乔家镇');
    expect(localize('乔家镇3号卡点', 'en')).toBe('checkpoint 3 at 乔家镇');
    expect(localize('岳池县疫情防控热线', 'en')).toBe('epidemic hotline of 岳池县');
    expect(localize('岳池县人民医院新冠肺炎疫情防控临时党支部', 'en')).toBe('temporary Party branch for epidemic control at 岳池县人民医院');
    expect(localize('第一督导组', 'zh-CN')).toBe('第一督导组');
  });

  test('a 中文 / English pair shows its half; a path is not a pair', () => {
    const pair = '在岗2人，排班表为3人 / 2 on duty, the roster has 3';
    expect(localize(pair, 'zh-CN')).toBe('在岗2人，排班表为3人');
    expect(localize(pair, 'en')).toBe('2 on duty, the roster has 3');
    expect(localize('岳池县 / 乔家镇', 'en')).toBe('岳池县 / 乔家镇');
  });

  test.prop([fc.string()])('text it does not know comes back as it is in Chinese; never throws', (s) => {
    const en = localize(s, 'en');
    expect(typeof en).toBe('string');
    if (!s.includes(' / ')) expect(localize(s, 'zh-CN')).toBe(s);
  });
});
