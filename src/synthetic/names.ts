/** @internal Place and person names for the synthetic county. */

/** The 27 township-level names of the drawn county (`divisions: 'synthetic'`); the five places named in the article come first. */
export const TOWNSHIPS: readonly { readonly name: string; readonly kind: 'town' | 'subdistrict' }[] = [
  { name: '九龙街道', kind: 'subdistrict' },
  { name: '乔家镇', kind: 'town' },
  { name: '普安镇', kind: 'town' },
  { name: '罗渡镇', kind: 'town' },
  { name: '新场镇', kind: 'town' },
  { name: '朝阳街道', kind: 'subdistrict' },
  { name: '顾县镇', kind: 'town' },
  { name: '苟角镇', kind: 'town' },
  { name: '天平镇', kind: 'town' },
  { name: '石垭镇', kind: 'town' },
  { name: '秦溪镇', kind: 'town' },
  { name: '酉溪镇', kind: 'town' },
  { name: '同兴镇', kind: 'town' },
  { name: '兴隆镇', kind: 'town' },
  { name: '中和镇', kind: 'town' },
  { name: '坪滩镇', kind: 'town' },
  { name: '镇裕镇', kind: 'town' },
  { name: '白庙镇', kind: 'town' },
  { name: '伏龙镇', kind: 'town' },
  { name: '花园镇', kind: 'town' },
  { name: '赛龙镇', kind: 'town' },
  { name: '裕民镇', kind: 'town' },
  { name: '大石镇', kind: 'town' },
  { name: '嘉陵镇', kind: 'town' },
  { name: '黄龙镇', kind: 'town' },
  { name: '临溪镇', kind: 'town' },
  { name: '排楼镇', kind: 'town' },
];

/** The villages and communities named in the article, by township (their codes in the real county: 511621119212, 511621001007, 511621115002, 511621118001). */
export const NAMED_PLACES: readonly { readonly township: string; readonly name: string; readonly kind: 'village' | 'community' }[] = [
  { township: '普安镇', name: '吴家沟村', kind: 'village' },
  { township: '九龙街道', name: '城北社区', kind: 'community' },
  { township: '罗渡镇', name: '兴盛社区', kind: 'community' },
  { township: '新场镇', name: '永胜社区', kind: 'community' },
];

export const VILLAGE_FIRST = '石马龙凤黄白青金新高和平安兴长大桂柏松梨桃杨王张刘陈周吴何罗唐蒋谢邓曾彭胡万汪';
export const VILLAGE_SECOND = '家山水林桥湾坝沟坪垭岩河滩庙寺塘田岭嘴园';
export const COMMUNITY_NAMES = [
  '城南', '东街', '西街', '南街', '北街', '和平', '建设', '人民', '解放', '滨河', '翠湖', '明珠', '团结', '幸福',
  '光明', '新华', '文化', '红旗', '胜利', '锦绣', '龙腾', '玉屏', '金鱼', '桂花', '银河', '东门', '西门', '南门',
];

/** Common surnames of Sichuan, roughly by frequency (earlier is commoner). */
export const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林唐蒋谢邓曾彭冯汪田任袁蔡廖余杜叶程苏魏吕丁沈夏钟姚谭陆韦贾';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文斌玉兰红梅春燕海波志德福兵云飞鹏';

/** Institutions of the county: name, staff, share of Party members, key for ids. */
export const INSTITUTIONS: readonly { readonly key: string; readonly name: string; readonly staff: number; readonly memberShare: number }[] = [
  { key: 'hospital', name: '岳池县人民医院', staff: 620, memberShare: 0.3 },
  { key: 'police', name: '岳池县公安局', staff: 320, memberShare: 0.65 },
  { key: 'commerce', name: '岳池县商务局', staff: 60, memberShare: 0.6 },
  { key: 'health', name: '岳池县卫生健康局', staff: 70, memberShare: 0.6 },
  { key: 'cdc', name: '岳池县疾病预防控制中心', staff: 80, memberShare: 0.45 },
  { key: 'organization', name: '中共岳池县委组织部', staff: 40, memberShare: 0.95 },
  { key: 'publicity', name: '中共岳池县委宣传部', staff: 35, memberShare: 0.9 },
  { key: 'education', name: '岳池县教育科技局', staff: 90, memberShare: 0.55 },
  { key: 'transport', name: '岳池县交通运输局', staff: 75, memberShare: 0.5 },
  { key: 'market', name: '岳池县市场监督管理局', staff: 110, memberShare: 0.5 },
  { key: 'civil', name: '岳池县民政局', staff: 45, memberShare: 0.55 },
  { key: 'housing', name: '岳池县住房和城乡建设局', staff: 65, memberShare: 0.5 },
  { key: 'agriculture', name: '岳池县农业农村局', staff: 95, memberShare: 0.5 },
  { key: 'emergency', name: '岳池县应急管理局', staff: 40, memberShare: 0.6 },
];

/** Posts of county-level cadres; the first 13 sit on the Standing Committee. */
export const COUNTY_POSTS = [
  '县委书记', '县委副书记、县长', '县委副书记', '县委常委、纪委书记', '县委常委、组织部长', '县委常委、宣传部长',
  '县委常委、统战部长', '县委常委、政法委书记', '县委常委、县委办主任', '县委常委、常务副县长', '县委常委、人武部部长',
  '县委常委、副县长', '县委常委、县委政研室主任', '副县长', '副县长', '副县长', '副县长', '县人大常委会主任',
  '县政协主席', '县人大常委会副主任', '县人大常委会副主任', '县政协副主席', '县政协副主席', '县法院院长', '县检察院检察长',
];
export const STANDING_COMMITTEE_SIZE = 13;

export const TOWNSHIP_POSTS = [
  '党委书记', '镇长', '党委副书记', '人大主席', '纪委书记', '组织委员', '宣传委员', '武装部长', '副镇长', '副镇长', '政法委员',
  '统战委员', '副镇长', '党政办主任', '社会事务办主任', '经济发展办主任', '综合执法队长', '便民服务中心主任',
];
export const VILLAGE_POSTS = ['党组织书记', '村(居)委会主任', '监委会主任', '文书', '综治专干', '妇联主席', '团支部书记'];
