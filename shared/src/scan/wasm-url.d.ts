// Vite's `?url` import of the decoder's WebAssembly module (typed here so the
// shared package type-checks without Vite's client types).
declare module 'zxing-wasm/reader/zxing_reader.wasm?url' {
  const url: string;
  export default url;
}
