// A citizen's browser for the tracking and rating tests: it keeps the cookies and sends the
// CSRF token of the page it is on with each form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

export function citizenBrowser(app: FastifyInstance, remoteAddress: string) {
  const cookies: Record<string, string> = {};
  // the last token a page carried: a page without a form (the thanks) leaves the browser with the one it had
  let token = '';
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) cookies[cookie.name] = cookie.value;
    token = csrfOf(response.body) || token;
    return response;
  };
  return {
    async open(url: string) {
      return remember(await app.inject({ url, remoteAddress, cookies }));
    },
    /** posts the fields with the token of the pages seen */
    async post(url: string, fields: Record<string, string>) {
      const payload = new URLSearchParams({ ...fields, _csrf: token }).toString();
      return remember(await app.inject({ method: 'POST', url, remoteAddress, cookies, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    },
    async track(trackingNumber: string, mobileLast4: string, lang: 'bn' | 'en' = 'en') {
      await this.open(`/track?lang=${lang}`);
      return this.post(`/track?lang=${lang}`, { tracking_number: trackingNumber, mobile_last4: mobileLast4 });
    },
  };
}
