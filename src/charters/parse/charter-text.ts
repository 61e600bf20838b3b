// Reads a charter as found in the wild (text copied from a PDF or a web page) into the
// canonical document. Never throws: whatever it cannot place becomes a warning.
import { CHARTER_FORMAT, type CharterDocument, type GrsContact, type ServiceCategory, type Warning } from '../model.ts';
import { stripListMarker } from './list-items.ts';
import { inferMissingOfficers } from './officer-inference.ts';
import { findPageFurniture, formFeedLines } from './page-furniture.ts';
import { PreambleReader } from './preamble.ts';
import { recogniseSection } from './sections.ts';
import { buildService } from './service-fields.ts';
import {
  continueServiceRow,
  parseSerial,
  resolveDittoMarks,
  resolveTableColumns,
  startServiceRow,
  unglueSerial,
  warnRepeatedSerials,
  type RawServiceRow,
} from './service-rows.ts';
import { readSourceLines } from './input-shapes.ts';
import { filledCells, isBlank, isSeparatorRow, type SourceLine } from './source-lines.ts';
import { parseTimeLimit, unitNamedInHeader } from './time-limit.ts';
import {
  assumedServiceColumns,
  findShapedHeaders,
  isColumnNumberRow,
  recogniseHeader,
  type GrsColumn,
  type ServiceColumn,
  type TableHeader,
} from './table-header.ts';

type Mode = 'preamble' | 'vision_mission' | 'services' | 'grs' | 'expectations' | 'other';

interface GrsRow {
  level: number;
  cells: Map<GrsColumn, string[]>;
  line: number;
}

class CharterTextReader {
  private mode: Mode = 'preamble';
  private category: ServiceCategory | null = null;
  private header: TableHeader | null = null;
  private readonly preamble = new PreambleReader();
  private readonly serviceRows: RawServiceRow[] = [];
  private currentService: RawServiceRow | null = null;
  private readonly grsRows: GrsRow[] = [];
  private currentGrs: GrsRow | null = null;
  private readonly expectations: string[] = [];
  /** header cells while no service row has followed yet: a wrapped header's next line joins them */
  private headerCells: string[] | null = null;
  /** the unit the current table's time-limit header names, if it names one */
  private timeUnitWord: string | null = null;
  /** the last table line that fitted nowhere: it may be the first half of a wrapped header */
  private unplacedTableLine: SourceLine | null = null;
  /** the two lines of a header wrapped over two lines, to know them when the next page repeats them */
  private wrappedHeaderLines: string[][] = [];
  readonly warnings: Warning[] = [];

  /** header rows in words the importer does not know, found by the table under them */
  constructor(private readonly shapedHeaders: ReadonlyMap<number, TableHeader> = new Map()) {}

  read(source: SourceLine): void {
    if (isBlank(source) || isSeparatorRow(source)) return;

    const section = recogniseSection(source);
    // a marked-up line above the first section ("<h2>উপজেলা স্বাস্থ্য কমপ্লেক্স</h2>") is the office's name
    if (section?.kind === 'other' && this.mode === 'preamble') {
      this.preamble.readHeaderLine(source);
      return;
    }
    if (section) {
      this.enterSection(section, source);
      return;
    }
    if (this.isRepeatedWrappedHeaderLine(source)) return;
    const singleLineHeader = recogniseHeader(source);
    if (singleLineHeader) this.wrappedHeaderLines = [];
    const header = singleLineHeader ?? this.headerFromWrappedLines(source) ?? this.shapedHeader(source);
    if (header) {
      this.enterTable(header, source);
      return;
    }
    if (isColumnNumberRow(source)) return;
    if (this.extendWrappedHeader(source)) return;

    // a table of services under no heading and no header row is still a table of services
    if ((this.mode === 'preamble' || this.mode === 'vision_mission') && source.tabular && parseSerial(source.cells[0] ?? '') !== null && filledCells(source).length >= 4) {
      this.mode = 'services';
    }

    switch (this.mode) {
      case 'preamble':
        if (this.preamble.readVisionMissionLine(source)) this.mode = 'vision_mission';
        else this.preamble.readHeaderLine(source);
        return;
      case 'vision_mission':
        if (!this.preamble.readVisionMissionLine(source)) this.unplaced(source);
        return;
      case 'services':
        this.readServiceLine(source);
        return;
      case 'grs':
        this.readGrsLine(source);
        return;
      case 'expectations':
        this.readExpectationLine(source);
        return;
      case 'other':
        this.unplaced(source);
    }
  }

  private enterSection(section: NonNullable<ReturnType<typeof recogniseSection>>, source: SourceLine): void {
    this.currentService = null;
    this.currentGrs = null;
    switch (section.kind) {
      case 'vision_mission':
        this.mode = 'vision_mission';
        this.preamble.readVisionMissionLine(source);
        return;
      case 'services':
        this.mode = 'services';
        this.category = section.category;
        return;
      case 'services_heading':
        this.mode = 'services';
        return;
      case 'grs':
        this.mode = 'grs';
        this.header = null;
        return;
      case 'expectations':
        this.mode = 'expectations';
        this.header = null;
        return;
      case 'other':
        this.mode = 'other';
        this.header = null;
    }
  }

  private shapedHeader(source: SourceLine): TableHeader | null {
    if (this.mode === 'grs' || this.mode === 'expectations' || this.mode === 'other') return null;
    return this.shapedHeaders.get(source.line) ?? null;
  }

  private headerFromWrappedLines(source: SourceLine): TableHeader | null {
    const previous = this.unplacedTableLine;
    if (!previous || !source.tabular || previous.line !== source.line - 1) return null;
    const header = recogniseHeader({ ...source, cells: joinCells(previous.cells, source.cells) });
    if (header) {
      const index = this.warnings.findIndex((w) => w.line === previous.line && w.code === 'unplaced_line');
      if (index !== -1) this.warnings.splice(index, 1);
      this.wrappedHeaderLines = [previous.cells, source.cells];
      return header;
    }
    return null;
  }

  /**
   * A PDF repeats a wrapped header on every page; its first line alone is no header, so
   * without this it would continue the service cut by the page break.
   */
  private isRepeatedWrappedHeaderLine(source: SourceLine): boolean {
    if (this.mode !== 'services' || !source.tabular) return false;
    const cells = JSON.stringify(source.cells);
    return this.wrappedHeaderLines.some((line) => JSON.stringify(line) === cells);
  }

  /** "ক্রমিক\tসেবা প্রদান" over "নং\tপদ্ধতি": the second line of a wrapped header row */
  private extendWrappedHeader(source: SourceLine): boolean {
    if (!this.headerCells || !source.tabular || this.header?.kind !== 'services') return false;
    if (parseSerial(source.cells[this.header.columns.indexOf('serial')] ?? source.cells[0] ?? '') !== null) return false;
    const cells = joinCells(this.headerCells, source.cells);
    const header = recogniseHeader({ ...source, cells });
    if (header?.kind !== 'services') return false;
    const before = this.header.columns.filter(Boolean).length;
    if (header.columns.filter(Boolean).length <= before) return false;
    this.header = header;
    this.headerCells = cells;
    return true;
  }

  private enterTable(header: TableHeader, source: SourceLine): void {
    // a PDF repeats the header on every page; a row cut by the page break continues after it
    const repeated = this.header !== null && JSON.stringify(this.header) === JSON.stringify(header);
    this.headerCells = header.kind === 'services' ? source.cells : null;
    this.header = header;
    if (repeated) return;
    this.currentService = null;
    this.currentGrs = null;
    if (header.kind === 'grs') this.mode = 'grs';
    else if (header.kind === 'expectations') this.mode = 'expectations';
    else {
      this.mode = 'services';
      this.ensureCategory(source);
    }
  }

  private ensureCategory(source: SourceLine): ServiceCategory {
    if (this.category) return this.category;
    this.category = 'citizen';
    this.warnings.push({
      line: source.line,
      code: 'no_section_heading',
      message: 'A service table has no section heading (২.১ নাগরিক সেবা …); its services were taken as citizen services.',
    });
    return this.category;
  }

  private serviceColumns(source: SourceLine): (ServiceColumn | null)[] | null {
    if (this.header?.kind === 'services') return this.header.columns;
    const filled = filledCells(source);
    if (!source.tabular || parseSerial(source.cells[0] ?? '') === null || filled.length < 3) return null;
    this.header = { kind: 'services', columns: assumedServiceColumns(source) };
    this.warnings.push({
      line: source.line,
      code: 'assumed_columns',
      message:
        source.cells.length === 7
          ? 'A service table has no header row; the standard seven columns (serial, name, method, documents, fee, time limit, officer) were assumed.'
          : `A service table has no header row; its ${source.cells.length} columns were placed by what their cells hold.`,
    });
    return this.header.columns;
  }

  private readServiceLine(line: SourceLine): void {
    const columns = this.serviceColumns(line);
    if (!columns) {
      this.unplaced(line);
      return;
    }
    const source = unglueSerial(line, columns);
    const category = this.ensureCategory(source);
    const previous = this.serviceRows.at(-1);
    const nextSerial = previous?.category === category ? previous.serial + 1 : 1;
    const row = startServiceRow(source, columns, category, this.warnings, nextSerial);
    if (row) {
      if (this.headerCells) this.timeUnitWord = unitNamedInHeader(this.headerCells[columns.indexOf('time')] ?? '');
      row.timeUnitWord = this.timeUnitWord;
      this.headerCells = null;
      this.serviceRows.push(row);
      this.currentService = row;
    } else if (this.currentService && source.tabular) {
      continueServiceRow(this.currentService, source, columns, this.warnings);
    } else {
      this.unplaced(source);
    }
  }

  private readGrsLine(source: SourceLine): void {
    const columns = this.header?.kind === 'grs' ? this.header.columns : null;
    if (!columns || !source.tabular) {
      this.unplaced(source);
      return;
    }
    const serialIndex = columns.indexOf('serial');
    const level = serialIndex === -1 ? null : parseSerial(source.cells[serialIndex] ?? '');
    if (level !== null || !this.currentGrs) {
      this.currentGrs = { level: level ?? this.grsRows.length + 1, cells: new Map(), line: source.line };
      this.grsRows.push(this.currentGrs);
    }
    const row = this.currentGrs;
    source.cells.forEach((text, index) => {
      const column = columns[index];
      if (!text || !column || (column === 'serial' && level !== null)) return;
      row.cells.set(column, [...(row.cells.get(column) ?? []), text]);
    });
  }

  private readExpectationLine(source: SourceLine): void {
    const text = filledCells(source)
      .filter((cell) => parseSerial(cell) === null)
      .join(' ');
    const item = stripListMarker(text);
    if (item) this.expectations.push(item);
  }

  /** The office's banner, dropped at a page break: its name if the header gives none. */
  readBanner(text: string, line: number): void {
    this.preamble.readBannerLine(text, line);
  }

  private unplaced(source: SourceLine): void {
    this.unplacedTableLine = source.tabular ? source : null;
    const text = filledCells(source).join(' | ');
    this.warnings.push({ line: source.line, code: 'unplaced_line', message: `Line not understood and left out: "${text.slice(0, 200)}".` });
  }

  finish(): CharterDocument {
    const warnings = this.warnings;
    const preamble = this.preamble.finish(warnings);
    resolveTableColumns(this.serviceRows, warnings);
    resolveDittoMarks(this.serviceRows, warnings);
    warnRepeatedSerials(this.serviceRows, warnings);
    const services = this.serviceRows.map((row) => buildService(row, warnings));
    inferMissingOfficers(services, warnings);
    const grsContacts = this.grsRows.map((row) => this.buildGrsContact(row));
    warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return {
      format: CHARTER_FORMAT,
      office: preamble.office,
      vision_bn: preamble.vision_bn,
      mission_bn: preamble.mission_bn,
      services,
      grs_contacts: grsContacts,
      expectations_bn: this.expectations,
      warnings,
    };
  }

  private buildGrsContact(row: GrsRow): GrsContact {
    const text = (column: GrsColumn) => (row.cells.get(column) ?? []).join(' ').replace(/\s+/g, ' ').trim();
    const time = parseTimeLimit(text('time'));
    for (const note of time.notes) this.warnings.push({ line: row.line, ...note });
    return {
      level: row.level,
      role_bn: text('whom') || text('when') || null,
      contact_bn: text('address') || null,
      time_limit: time.limit,
    };
  }
}

function joinCells(upper: string[], lower: string[]): string[] {
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) =>
    `${upper[i] ?? ''} ${lower[i] ?? ''}`.trim(),
  );
}

export function parseCharterText(text: string): CharterDocument {
  const { lines, warnings } = readSourceLines(text);
  const reader = new CharterTextReader(findShapedHeaders(lines));
  reader.warnings.push(...warnings);
  const furniture = findPageFurniture(lines, formFeedLines(text));
  for (const source of lines) {
    if (!furniture.dropped.has(source.line)) reader.read(source);
  }
  for (const banner of furniture.banners) reader.readBanner(banner.text, banner.line);
  return reader.finish();
}
