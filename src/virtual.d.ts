// Types of the build's virtual modules.
declare module 'virtual:default-dataset' {
  /** URL of the built-in dataset's file bundle. */
  const url: string;
  export default url;
}

/** The app's version from package.json, set by vite.config.ts (`define`). */
declare const __APP_VERSION__: string;
