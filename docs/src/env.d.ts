// mammoth's browser build is a prebuilt bundle of the same API as its Node entry point.
declare module 'mammoth/mammoth.browser.js' {
  import mammoth from 'mammoth';
  export default mammoth;
}
