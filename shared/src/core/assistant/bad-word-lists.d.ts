// The two word lists ship plain CommonJS without types: the array file of each.
declare module 'french-badwords-list/dist/array' {
  const words: string[];
  export default words;
}
declare module 'badwords-list/lib/array' {
  const words: string[];
  export default words;
}
