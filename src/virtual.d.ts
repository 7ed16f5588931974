// Types of the build's virtual modules.
declare module 'virtual:default-dataset' {
  /** URL of each built-in dataset's file bundle, by folder name under geodata/ (`kursk`, `kursk-isw`, …). */
  const urls: Readonly<Record<string, string>>;
  export default urls;
}
