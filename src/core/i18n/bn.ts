// বাংলা — the default language, one file per part of the portal. Keys must match en.ts.
import { accounts } from './bn/accounts.ts';
import { calendarAdmin } from './bn/calendar-admin.ts';
import { editor } from './bn/editor.ts';
import { notifications } from './bn/notifications.ts';
import { portal } from './bn/portal.ts';
import { requests } from './bn/requests.ts';
import { requestsPublic } from './bn/requests-public.ts';
import { requestsStaff } from './bn/requests-staff.ts';
import { requestsAttachments } from './bn/requests-attachments.ts';
import { requestsFollowup } from './bn/requests-followup.ts';
import { api } from './bn/api.ts';
import { open311 } from './bn/open311.ts';
import { portalSearch } from './bn/search.ts';
import { charterPages } from './bn/charter-pages.ts';
import { charterPrint } from './bn/charter-print.ts';
import { importer } from './bn/importer.ts';
import type { en } from './en.ts';

export const bnParts = { portal, editor, accounts, calendarAdmin, requests, requestsPublic, requestsStaff, notifications, requestsAttachments, requestsFollowup, api, open311, portalSearch, charterPages, charterPrint, importer };
export const bn: Record<keyof typeof en, string> = { ...portal, ...editor, ...accounts, ...calendarAdmin, ...requests, ...requestsPublic, ...requestsStaff, ...notifications, ...requestsAttachments, ...requestsFollowup, ...api, ...open311, ...portalSearch, ...charterPages, ...charterPrint, ...importer };
