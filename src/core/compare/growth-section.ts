// The size comment's "what grew" sections: for each target that grew, the modules, Go version and build
// settings that changed between the two files' build info, and the packages that grew most. Plain data in,
// plain text out.
import { humanBytes } from '../report/format.js';
import type { BuildInfoChanges, LinkedModule } from './build-info-changes.js';
import { formatDeltaBytes, type SizeRow } from './compare.js';
import { escapeMarkdown } from './markdown.js';
import { rowLabel } from './thresholds.js';

/** A setting's value is quoted only in these characters: a value with spaces or quotes could say anything. */
const PLAIN_SETTING_VALUE = /^[A-Za-z0-9._~+/=,-]{1,400}$/;

function settingText(value: string | undefined): string {
  if (value === undefined) return 'unset';
  if (value === '') return '(empty)';
  return PLAIN_SETTING_VALUE.test(value) ? escapeMarkdown(value) : '(not shown: not plain text)';
}

function linkedText(module: LinkedModule | undefined): string {
  if (!module) return '—';
  if (!module.replace) return escapeMarkdown(module.version);
  const by = [module.replace.path, module.replace.version].filter((t) => t && t !== '(devel)').join(' ');
  return `${escapeMarkdown(module.version)} replaced by ${escapeMarkdown(by)}`;
}

/** `2 modules added, 1 changed`: what the summary line says of the module changes. */
function moduleCounts(changes: BuildInfoChanges): string {
  const added = changes.modules.filter((m) => !m.base).length;
  const removed = changes.modules.filter((m) => !m.head).length;
  const changed = changes.modules.length - added - removed;
  const parts = [
    added > 0 ? `${added} added` : '',
    removed > 0 ? `${removed} removed` : '',
    changed > 0 ? `${changed} changed` : '',
  ].filter(Boolean);
  const total = changes.modules.length;
  return parts.length === 0 ? '' : `${total === 1 ? 'module' : 'modules'} ${parts.join(', ')}`;
}

function summaryOf(row: SizeRow): string {
  const notes = row.buildChanges
    ? [
        moduleCounts(row.buildChanges),
        row.buildChanges.goVersion ? 'another Go' : '',
        row.buildChanges.settings.length > 0 ? 'other build settings' : '',
      ].filter(Boolean)
    : [];
  return `What grew in ${escapeMarkdown(rowLabel(row))}${notes.length > 0 ? `: ${notes.join(', ')}` : ''}`;
}

function moduleTable(changes: BuildInfoChanges): string[] {
  if (changes.modules.length === 0) return [];
  return [
    '| Module | Base | Head |',
    '| :-- | :-- | :-- |',
    ...changes.modules.map(
      (m) => `| ${escapeMarkdown(m.path)} | ${linkedText(m.base)} | ${linkedText(m.head)} |`,
    ),
    '',
  ];
}

function buildTable(changes: BuildInfoChanges): string[] {
  const { goVersion, settings } = changes;
  if (!goVersion && settings.length === 0) return [];
  return [
    '| Build setting | Base | Head |',
    '| :-- | :-- | :-- |',
    ...(goVersion ? [`| Go | ${escapeMarkdown(goVersion.base)} | ${escapeMarkdown(goVersion.head)} |`] : []),
    ...settings.map((s) => `| ${escapeMarkdown(s.key)} | ${settingText(s.base)} | ${settingText(s.head)} |`),
    '',
  ];
}

function packageTable(row: SizeRow): string[] {
  if (!row.grewMost || row.grewMost.length === 0) return [];
  return [
    '| Package | Base | Head | Change |',
    '| :-- | --: | --: | --: |',
    ...row.grewMost.map(
      (g) =>
        `| ${escapeMarkdown(g.package)} | ${humanBytes(g.baseBytes)} | ${humanBytes(g.headBytes)} | ${formatDeltaBytes(g.deltaBytes)} |`,
    ),
    '',
  ];
}

/**
 * One folded section per target that grew and has something to say why: the modules that came, went or moved
 * to another version, the toolchain and build settings that changed (from the two files' build info), and the
 * packages that grew most (from attribution).
 */
export function growthSection(rows: SizeRow[]): string[] {
  return rows.flatMap((row) => {
    const tables = [
      ...(row.buildChanges ? [...moduleTable(row.buildChanges), ...buildTable(row.buildChanges)] : []),
      ...packageTable(row),
    ];
    if (tables.length === 0) return [];
    return [`<details><summary>${summaryOf(row)}</summary>`, '', ...tables, '</details>', ''];
  });
}
