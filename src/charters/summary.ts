// A short human summary of a parsed charter, for the CLI.
import { SERVICE_CATEGORIES, type CharterDocument } from './model.ts';

export function summariseCharter(doc: CharterDocument): string {
  const counts = SERVICE_CATEGORIES.map(
    (category) => `${category} ${doc.services.filter((s) => s.category === category).length}`,
  ).join(', ');
  const lines = [
    `${doc.office.name_bn ?? '(office not named)'}${doc.office.website ? ` <${doc.office.website}>` : ''}`,
    `services: ${doc.services.length} (${counts}); GRS contacts: ${doc.grs_contacts.length}; expectations: ${doc.expectations_bn.length}`,
    `warnings: ${doc.warnings.length}`,
    ...doc.warnings.map((w) => `  line ${w.line ?? '-'}: [${w.code}] ${w.message}`),
  ];
  return lines.join('\n');
}
