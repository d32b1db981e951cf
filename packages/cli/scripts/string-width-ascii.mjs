// Swapped in for `string-width` inside the bundle (see bundle.mjs). vfile-reporter measures
// every report row with string-width, which builds and runs the whole emoji expression once per
// character: about 30 ms for a report of a few findings, a tenth of the start-up budget. A row
// of printable ASCII is as wide as it is long, so only other rows need the real measurement.
import stringWidth from 'string-width';

const printableAscii = /^[\x20-\x7e]*$/;

export default function asciiAwareStringWidth(string, options) {
  return typeof string === 'string' && printableAscii.test(string)
    ? string.length
    : stringWidth(string, options);
}
