// @ts-check
/**
 * A TypeDoc plugin: one page for a zod schema and the type of the same name.
 *
 * The library declares each record twice under one name, the schema (a value) and its type:
 * `export const Household = z.object({…})` and `export type Household = z.infer<typeof Household>`.
 * TypeDoc 0.28 has no tag that merges a variable with a type alias or interface (its `@enum` merge
 * only applies to objects of literals, `@mergeModuleWith` only to modules), so it would render two
 * pages, `variables/Household` and `interfaces/Household`. This plugin keeps the type's page and
 * folds the schema into it: the schema's description, examples and "Defined in" line join the
 * type's fields, a sentence says that the name is both, and every link to the name lands there.
 */
import { Comment, Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      const project = context.project;
      for (const schema of project.getReflectionsByKind(ReflectionKind.Variable)) {
        if (!schema.isDeclaration()) continue;
        const siblings = schema.parent !== undefined && 'children' in schema.parent ? (schema.parent.children ?? []) : [];
        const type = siblings.find((c) => c !== schema && c.name === schema.name && c.kindOf(ReflectionKind.Interface | ReflectionKind.TypeAlias));
        if (type === undefined) continue;
        const name = schema.name;
        const merged = schema.comment?.clone() ?? new Comment();
        const own = type.comment;
        // the schema carries the full description; the type's own is a short restatement, kept only without one
        if (merged.summary.length === 0 && own !== undefined) merged.summary = own.summary.map((part) => ({ ...part }));
        merged.summary.push({
          kind: 'text',
          text: `\n\n\`${name}\` is both a zod schema (a value: \`${name}.parse(data)\`, \`${name}.safeParse(data)\`) and the type of its data.`,
        });
        for (const tag of own?.blockTags ?? []) if (!merged.blockTags.some((t) => t.tag === tag.tag)) merged.blockTags.push(tag.clone());
        for (const modifier of own?.modifierTags ?? []) merged.modifierTags.add(modifier);
        type.comment = merged;
        // both declarations are the symbol's, so each reflection usually lists both already
        const sources = [...(schema.sources ?? []), ...(type.sources ?? [])];
        type.sources = sources.filter((s, i) => sources.findIndex((o) => o.fullFileName === s.fullFileName && o.line === s.line) === i);
        project.removeReflection(schema);
      }
    },
    // before the plugins that resolve links, categories and groups
    100,
  );
}
