/** Which LinkedIn page is this, from its URL alone, and the normalised URLs we store (shared with the server). */
export { companyUrl, isLinkedInHost, linkedInPage, normalizeCompanyHref, profileUrl, type LinkedInPageRef } from '../../../shared/linkedin-urls';
