// Charters that describe each service as a block of labelled lines ("সেবার নাম: …",
// "সময়সীমা: …", "Fee: …") instead of a table: each block becomes one row under a header
// line made for the run of blocks. A label's value may continue on the lines after it.
import { cleanCellText } from './bangla-text.ts';
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { toSourceLine, type InputLine } from './source-lines.ts';

type Field = 'name' | 'method' | 'documents' | 'source' | 'fee' | 'time' | 'officer';

const FIELDS: Field[] = ['name', 'method', 'documents', 'source', 'fee', 'time', 'officer'];
/** the header the reader knows, one cell per field */
const HEADER: Record<Field, string> = {
  name: 'সেবার নাম',
  method: 'সেবা প্রদান পদ্ধতি',
  documents: 'প্রয়োজনীয় কাগজপত্র',
  source: 'কাগজপত্র প্রাপ্তির স্থান',
  fee: 'সেবামূল্য',
  time: 'সময়সীমা',
  officer: 'দায়িত্বপ্রাপ্ত কর্মকর্তা',
};

// Order matters: "সেবামূল্য ও পরিশোধ পদ্ধতি" is the fee, not the method.
const LABELS: [Field, RegExp][] = [
  ['name', /^(সেবার\s*নাম|সেবার\s*শিরোনাম|সেবার\s*বিবরণ|service(?:'s)?\s*name|name\s*of\s*(?:the\s*)?service)$/i],
  ['time', /সময়সীমা|সময়\s*সীমা|সময়|time\s*limit|deadline|time/i],
  ['fee', /মূল্য|মুল্য|^ফি|ফি\b|চার্জ|fees?\b|cost|charge/i],
  ['source', /প্রাপ্তি\s*স্থান|প্রাপ্তির\s*স্থান|where\s*to\s*(?:get|obtain)/i],
  ['documents', /কাগজ|দলিল|documents?|papers/i],
  ['officer', /কর্মকর্তা|দায়িত্বপ্রাপ্ত|officer/i],
  ['method', /পদ্ধতি|প্রক্রিয়া|method|procedure|how\s*to\s*(?:apply|get)/i],
];

// "১. সেবার নাম: …", "**Fee:** …", "- সময়সীমা ঃ …", "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবী, ফোন ও ইমেইল)ঃ …"
const LABELLED = /^(?:\(?([০-৯0-9]{1,3})\s*[.।):]\)?\s*)?[-•*]?\s*((?:(?!:|ঃ|：).){2,45}?(?:\s*\((?:(?!\(|\)|:|ঃ|：).){1,60}\))?)\s*(?::|ঃ|：)\s*(.*)$/u;
// what a label says about its value in brackets, "(নাম, পদবী, ফোন ও ইমেইল)": no part of what the label is
const LABEL_NOTE = /\s*\([^()]*\)$/u;

interface Labelled {
  field: Field;
  serial: number | null;
  value: string;
}

function readLabel(text: string): Labelled | null {
  const match = LABELLED.exec(cleanCellText(text));
  if (!match) return null;
  const label = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  const bare = label.replace(LABEL_NOTE, '');
  const field = (LABELS.find(([, pattern]) => pattern.test(bare)) ?? LABELS.find(([, pattern]) => pattern.test(label)))?.[0];
  if (!field) return null;
  return { field, serial: match[1] ? parseSerial(match[1]) : null, value: (match[3] ?? '').trim() };
}

function isSectionHeading(line: InputLine): boolean {
  const section = recogniseSection(toSourceLine(line.text, line.line));
  return section !== null && section.kind !== 'other';
}

interface Block {
  line: number;
  serial: number | null;
  values: Map<Field, string[]>;
}

/** The block that starts at a name label at `at`, and the index after it. */
function readBlock(lines: InputLine[], at: number): { block: Block; end: number } {
  const first = readLabel((lines[at] as InputLine).text) as Labelled;
  const block: Block = { line: (lines[at] as InputLine).line, serial: first.serial, values: new Map([['name', [first.value]]]) };
  let field: Field | null = 'name';
  let end = at + 1;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] as InputLine;
    if (line.text.trim() === '') {
      field = null; // after a blank line only a new label carries on the block
      continue;
    }
    if (line.text.includes('\t') || isSectionHeading(line)) break;
    const labelled = readLabel(line.text);
    if (labelled?.field === 'name') break;
    if (labelled) {
      field = labelled.field;
      block.values.set(field, [...(block.values.get(field) ?? []), labelled.value]);
    } else if (field) {
      block.values.get(field)?.push(line.text.trim());
    } else {
      break;
    }
    end = i + 1;
  }
  return { block, end };
}

export function readLabelledServices(lines: InputLine[]): InputLine[] {
  const out: InputLine[] = [];
  let serial = 0;
  let headerWritten = false;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as InputLine;
    const labelled = line.text.includes('\t') ? null : readLabel(line.text);
    if (labelled?.field !== 'name') {
      // a heading or a table between runs of blocks starts the numbering and the header again
      if (line.text.trim() !== '') {
        headerWritten = false;
        if (isSectionHeading(line)) serial = 0;
      }
      out.push(line);
      i++;
      continue;
    }
    const { block, end } = readBlock(lines, i);
    if (block.values.size < 2) {
      out.push(line);
      i++;
      continue;
    }
    if (!headerWritten) {
      out.push({ line: block.line, text: ['ক্রম', ...FIELDS.map((field) => HEADER[field])].join('\t') });
      headerWritten = true;
    }
    serial = block.serial ?? serial + 1;
    const cells = FIELDS.map((field) => (block.values.get(field) ?? []).join(' ').replace(/\s+/g, ' ').trim());
    out.push({ line: block.line, text: [String(serial), ...cells].join('\t') });
    i = end;
  }
  return out;
}
