/** A legal document: same sections in every language (a test checks both have the same shape). */
export interface LegalSection {
  title: string;
  paragraphs: string[];
}
export interface LegalDocument {
  updated: string;
  en: LegalSection[];
  ja: LegalSection[];
}
