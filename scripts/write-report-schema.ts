// `npm run schema`: writes the files made from the Report's one definition (scripts/report-schema-files.ts).
import { writeFile } from 'node:fs/promises';
import { reportSchemaFiles } from './report-schema-files.js';

for (const { file, text } of await reportSchemaFiles()) {
  await writeFile(file, text);
  console.log(`Wrote ${file}`);
}
