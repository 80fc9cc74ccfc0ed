// The package ships plain CommonJS without types: the one export the guard reads.
declare module 'french-badwords-list' {
  const list: { array: string[] };
  export default list;
}
