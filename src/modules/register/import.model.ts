// A register year to import: the files (formats of data/register and data/geo), what is wrong
// with them, and the report. Pure types and constants.

export const FILE_KINDS = ['municipalities', 'mergers', 'wijken', 'geo', 'wijkGeo'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type NamedFile = { name: string; bytes: Uint8Array };
export type RegisterInput = { year: number } & { municipalities: NamedFile } & Partial<Record<Exclude<FileKind, 'municipalities'>, NamedFile>>;

export const MUNICIPALITY_CODE = /^GM\d{4}$/;
export const WIJK_CODE = /^WK\d{4}[0-9A-Z]{2}$/;
export const MERGER_TYPES = ['merged', 'split', 'continues'] as const;
export type MergerType = (typeof MERGER_TYPES)[number];

/** Columns a file must have (others, such as `note`, are read or ignored). */
export const REQUIRED_COLUMNS: Record<Exclude<FileKind, 'geo' | 'wijkGeo'>, readonly string[]> = {
  municipalities: ['code', 'name', 'province_code'],
  mergers: ['year_effective', 'date_effective', 'first_list_year', 'old_code', 'old_name', 'new_code', 'new_name', 'type'],
  wijken: ['wijk_code', 'wijk_name', 'municipality_code'],
};

export type ProblemKey =
  | 'year.invalid' | 'year.inUse'
  | 'file.empty' | 'file.unreadable' | 'file.encoding' | 'file.columns' | 'file.noRows' | 'file.tooBig'
  | 'row.year' | 'row.code' | 'row.duplicate' | 'row.name' | 'row.province' | 'row.number' | 'row.newWithoutMerger'
  | 'muni.vanished'
  | 'merger.int' | 'merger.date' | 'merger.type' | 'merger.share' | 'merger.otherYear' | 'merger.later' | 'merger.duplicate'
  | 'merger.newUnknown' | 'merger.oldUnknown' | 'merger.oldStays' | 'merger.continuesGone' | 'merger.cycle'
  | 'wijk.code' | 'wijk.duplicate' | 'wijk.name' | 'wijk.municipality' | 'wijk.prefix'
  | 'geo.unreadable' | 'geo.kind' | 'geo.noGemeenten' | 'geo.id' | 'geo.duplicate' | 'geo.shape' | 'geo.missing' | 'geo.extra'
  | 'geo.provinces' | 'geo.broken' | 'geo.shippedMismatch'
  | 'wijkGeo.unreadable' | 'wijkGeo.kind' | 'wijkGeo.id' | 'wijkGeo.duplicate' | 'wijkGeo.shape' | 'wijkGeo.name' | 'wijkGeo.municipality' | 'wijkGeo.broken';

/** One problem: in which file, on which line (1 = the header) and in which field, and what. */
export type Problem = { file: FileKind | 'year'; line?: number; field?: string; key: ProblemKey; params?: Record<string, string | number> };

export type NoteKey =
  | 'note.replaces' | 'note.new' | 'note.mergersSkipped' | 'note.geoShipped' | 'note.noGeo' | 'note.geojson'
  | 'note.dryRun' | 'note.written' | 'note.nothingWritten';
export type Note = { key: NoteKey; params?: Record<string, string | number> };

export type Counts = { municipalities: number; mergers: number; wijken: number; geometry: number; /** Only when a wijk map was given. */ wijkGeometry?: number };

export type RegisterReport = {
  year: number;
  /** The file names as given, per kind. */
  files: Partial<Record<FileKind, string>>;
  counts: Counts;
  problems: Problem[];
  notes: Note[];
  /** True when the year was written (not a dry run, no problems). */
  written: boolean;
};

/** A municipality row as read, with the line it came from. */
export type MunicipalityRow = { line: number; code: string; name: string; provinceCode: string };
export type MergerRow = {
  line: number; yearEffective: number; dateEffective: string; firstListYear: number; oldCode: string; oldName: string;
  newCode: string; newName: string; type: MergerType; areaShare: number | null;
};
export type WijkRow = { line: number; code: string; name: string; municipalityCode: string };
