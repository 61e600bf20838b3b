// A short human summary of a parsed charter, for the CLI.
import { SERVICE_CATEGORIES, type CharterDocument, type Warning } from './model.ts';

export function summariseCharter(doc: CharterDocument): string {
  const counts = SERVICE_CATEGORIES.map(
    (category) => `${category} ${doc.services.filter((s) => s.category === category).length}`,
  ).join(', ');
  const lines = [
    `${doc.office.name_bn ?? '(office not named)'}${doc.office.website ? ` <${doc.office.website}>` : ''}`,
    `services: ${doc.services.length} (${counts}); GRS contacts: ${doc.grs_contacts.length}; expectations: ${doc.expectations_bn.length}`,
    ...summariseWarnings('warnings', doc.warnings),
  ];
  return lines.join('\n');
}

/** A count, then one line per warning with its source line and code. */
export function summariseWarnings(title: string, warnings: readonly Warning[]): string[] {
  return [`${title}: ${warnings.length}`, ...warnings.map((w) => `  line ${w.line ?? '-'}: [${w.code}] ${w.message}`)];
}
