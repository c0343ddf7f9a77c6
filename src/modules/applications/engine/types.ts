/**
 * The form definition: the JSON a form builder writes, a citizen's browser renders and the server
 * validates against. Shared by browser and server (docs/adr/002): pure TypeScript, no Node, no DOM.
 * A definition is exported and imported as-is between cities, so change it only compatibly and bump
 * `schemaVersion` when a change is not.
 */

/** Languages a form's text may carry; `ja` is required, the others fall back to it. */
export type FormLang = 'ja' | 'en' | 'ja-easy';

/** Text in each language a form provides. */
export interface FormText {
  ja: string;
  en?: string;
  'ja-easy'?: string;
}

/**
 * A condition or a computed expression, in JSON Logic (https://jsonlogic.com), e.g.
 * `{"==": [{"var": "hasChildren"}, "yes"]}` or `{"*": [{"count": {"var": "children"}}, 10000]}`.
 * `var` names a field key; inside a repeating group it names the item's own fields first.
 */
export type Expression = unknown;

/** Every kind of field the builder offers. */
export type FieldType =
  | 'text' | 'textarea' | 'number' | 'currency' | 'date' | 'time'
  | 'select' | 'radio' | 'checkboxes'
  | 'email' | 'phone' | 'postalCode' | 'address' | 'name'
  | 'file' | 'consent' | 'group' | 'display' | 'reservation';

/** One choice of a select, radio or checkboxes field. */
export interface FieldOption {
  value: string;
  label: FormText;
}

/** A field: what is asked, how it is checked and when it is shown. */
export interface FormField {
  /** Answer key: letters, digits and `_`, unique among its siblings (`^[A-Za-z][A-Za-z0-9_]*$`). */
  key: string;
  type: FieldType;
  label: FormText;
  help?: FormText;
  required?: boolean;
  /** Shown (and validated, and kept) only when this is truthy. */
  showIf?: Expression;
  /** text, textarea: length in characters (code points). */
  minLength?: number;
  maxLength?: number;
  /** text: a regular expression the whole value must match, and the message when it does not. */
  pattern?: string;
  patternMessage?: FormText;
  /** number, currency: inclusive range; currency is whole yen. */
  min?: number;
  max?: number;
  /** number: decimal places allowed (default 0). */
  decimals?: number;
  /** date: inclusive range as `YYYY-MM-DD`, or `today`, or `today+N` / `today-N` days (JST). */
  minDate?: string;
  maxDate?: string;
  /** select, radio, checkboxes. */
  options?: FieldOption[];
  /** checkboxes: how many must / may be ticked. */
  minSelected?: number;
  maxSelected?: number;
  /** file: accepted MIME types (by content, e.g. `application/pdf`, `image/jpeg`), size per file, count. */
  accept?: string[];
  maxSizeMb?: number;
  maxFiles?: number;
  /** name: whether フリガナ (katakana) is asked too, and required. */
  furigana?: boolean;
  /** postalCode: key of the sibling address field the lookup fills. */
  fillsAddress?: string;
  /** group (repeating group, e.g. each child): the fields of one item, and how many items. */
  fields?: FormField[];
  minItems?: number;
  maxItems?: number;
  /** group: label of one item, e.g. {ja: '子ども'} → 「子ども 1」. */
  itemLabel?: FormText;
  /** display: text shown, nothing asked. consent: the text agreed to. */
  content?: FormText;
  /** reservation: the bookable resource (reservations module) and, for checkups, the exam type's code. */
  resourceId?: string;
  examTypeCode?: string;
}

/** A section of a page: a heading over some fields. */
export interface FormSection {
  id: string;
  title?: FormText;
  description?: FormText;
  showIf?: Expression;
  fields: FormField[];
}

/** Where to go after a page when a condition holds; the first rule that holds wins. */
export interface SkipRule {
  if: Expression;
  /** A later page's id, or `review` to go straight to the review step. */
  goTo: string;
}

/** One page of a multi-page form. */
export interface FormPage {
  id: string;
  title: FormText;
  description?: FormText;
  showIf?: Expression;
  sections: FormSection[];
  next?: SkipRule[];
}

/** A value computed from answers (e.g. the fee), shown on the review step and stored with the submission. */
export interface ComputedValue {
  key: string;
  label: FormText;
  expression: Expression;
  format?: 'number' | 'yen' | 'text';
}

/** A whole form. */
export interface FormDefinition {
  schemaVersion: 1;
  pages: FormPage[];
  computed?: ComputedValue[];
}

/** A postal address as the address field stores it. */
export interface AddressAnswer {
  prefecture: string;
  city: string;
  /** 町域 and 番地. */
  street: string;
  building?: string;
}

/** A person's name as the name field stores it; kana in katakana. */
export interface NameAnswer {
  family: string;
  given: string;
  familyKana?: string;
  givenKana?: string;
}

/** A slot as the reservation field stores it: its start as an ISO instant (and the exam type, if chosen). */
export interface ReservationAnswer {
  start: string;
  examTypeCode?: string;
  /** Set by the server once booked: the booking's id and its reference (予約番号). */
  bookingId?: string;
  reference?: string;
}

/**
 * One answer. text, textarea, email, phone, postalCode, select, radio: string; date: `YYYY-MM-DD`;
 * time: `HH:MM`; number, currency: number; checkboxes: string[]; consent: boolean; address:
 * AddressAnswer; name: NameAnswer; file: upload ids (string[]); group: one Answers per item;
 * reservation: ReservationAnswer.
 */
export type AnswerValue = string | number | boolean | string[] | AddressAnswer | NameAnswer | ReservationAnswer | Answers[] | null;

/** Answers keyed by field key. */
export type Answers = Record<string, AnswerValue>;

/**
 * A rule an answer breaks. `path` names the field: `applicant.familyKana`, `children[1].birthDate`
 * (group item indexes are 0-based: `children[1]` is the second child, shown to people as 「子ども 2」).
 */
export interface FieldError {
  path: string;
  code:
    | 'required' | 'type' | 'minLength' | 'maxLength' | 'pattern' | 'min' | 'max' | 'decimals'
    | 'date' | 'minDate' | 'maxDate' | 'time' | 'option' | 'minSelected' | 'maxSelected'
    | 'email' | 'phone' | 'postalCode' | 'kana' | 'fileType' | 'fileSize' | 'maxFiles'
    | 'minItems' | 'maxItems' | 'consent' | 'unknown';
  /** The message in the requested language. */
  message: string;
}

/** A file the validator needs to know about: what the server sniffed from its bytes. */
export interface UploadInfo {
  id: string;
  contentType: string;
  size: number;
  /** The name the file was uploaded with, for messages that name the file. */
  filename?: string;
}

/** Options of validateAnswers. */
export interface ValidateOptions {
  /** Language of the messages. */
  lang: FormLang;
  /** Uploads the answers may name, by id (what the server knows of each file). */
  uploads?: Record<string, UploadInfo>;
  /** Today as `YYYY-MM-DD` (JST); defaults to the current JST day. For `today±N` ranges and `age`. */
  today?: string;
  /** Validate only these paths and what lies under them (`children` covers `children[0].name`). */
  only?: string[];
}

/** Options of the functions that evaluate expressions (showIf, skip rules, computed values). */
export interface EvalOptions {
  /** Today as `YYYY-MM-DD` (JST) for the `age` and `today` operators; defaults to the current JST day. */
  today?: string;
}

/** A structural problem of a definition, found by checkDefinition. */
export interface DefinitionProblem {
  /** Where: `pages[0].sections[1].fields[2].key`. */
  path: string;
  /** In Japanese (the staff console is Japanese first). */
  message: string;
  /** The same in English. */
  messageEn: string;
}
