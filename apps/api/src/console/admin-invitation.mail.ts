import { escapeHtml } from '../core/http/html.js';

/** The mail inviting a second super-admin (the link opens the console's enrolment page). */
export function adminInvitationMail(p: { inviter: string; url: string; days: number }) {
  const url = escapeHtml(p.url);
  return {
    subject: 'You are invited to the InstaGrowth OS admin console',
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f6f7fb;padding:24px">
<div style="max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:32px">
<h1 style="font-size:20px;margin:0 0 12px">Join the admin console</h1>
<p style="color:#374151;line-height:1.5">${escapeHtml(p.inviter)} invited you to administer InstaGrowth OS. You will choose a password and enrol an authenticator app. The link works once and is valid for ${p.days} days.</p>
<p><a href="${url}" style="display:inline-block;background:#18181b;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">Accept invitation</a></p>
<p style="color:#6b7280;font-size:12px">Or paste this link into your browser: ${url}</p>
</div></body></html>`,
    text: `${p.inviter} invited you to administer InstaGrowth OS: ${p.url}\n\nThe link works once and is valid for ${p.days} days.`,
  };
}
