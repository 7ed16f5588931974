// Types of the build's virtual modules.
declare module 'virtual:default-dataset' {
  /** URL of each built-in dataset's file bundle, by folder name under geodata/ (`kursk`, `kursk-isw`, …). */
  const urls: Readonly<Record<string, string>>;
  export default urls;
}

/** The app's version from package.json, set by vite.config.ts (`define`). */
declare const __APP_VERSION__: string;
