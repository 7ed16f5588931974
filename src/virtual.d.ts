// Types of the build's virtual modules.
declare module 'virtual:default-dataset' {
  /** URL of each built-in dataset's file bundle, by folder name under geodata/ (`kursk`, `kursk-isw`, …). */
  const urls: Readonly<Record<string, string>>;
  export default urls;
}

declare module 'virtual:dataset-folders' {
  /** Per built-in dataset id, the files of its folder (path inside the folder, URL to fetch). */
  const folders: Readonly<Record<string, readonly { path: string; url: string }[]>>;
  export default folders;
}
/** The app's version from package.json, set by vite.config.ts (`define`). */
declare const __APP_VERSION__: string;
