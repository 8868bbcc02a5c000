// Markdown files are bundled as text by esbuild's loader.
declare module '*.md' {
  const text: string;
  export default text;
}
