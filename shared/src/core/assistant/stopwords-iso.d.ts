// The package is one JSON file of word lists per language: the two the assistant reads.
declare module 'stopwords-iso' {
  export const fr: string[];
  export const en: string[];
}
