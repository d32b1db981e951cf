export { didYouMean, didYouMeanSuffix, editDistance } from '@luxlint/config';
