// Types of the build's virtual modules.
declare module 'virtual:default-dataset' {
  /** URL of the built-in dataset's file bundle. */
  const url: string;
  export default url;
}
