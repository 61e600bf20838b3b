// English text shown to people, one file per part of the portal. Keys must match bn.ts.
import { accounts } from './en/accounts.ts';
import { calendarAdmin } from './en/calendar-admin.ts';
import { editor } from './en/editor.ts';
import { notifications } from './en/notifications.ts';
import { portal } from './en/portal.ts';
import { requests } from './en/requests.ts';
import { requestsPublic } from './en/requests-public.ts';
import { requestsStaff } from './en/requests-staff.ts';
import { requestsAttachments } from './en/requests-attachments.ts';
import { requestsFollowup } from './en/requests-followup.ts';
import { api } from './en/api.ts';
import { open311 } from './en/open311.ts';
import { portalSearch } from './en/search.ts';
import { charterPages } from './en/charter-pages.ts';
import { charterPrint } from './en/charter-print.ts';
import { importer } from './en/importer.ts';

export const enParts = { portal, editor, accounts, calendarAdmin, requests, requestsPublic, requestsStaff, notifications, requestsAttachments, requestsFollowup, api, open311, portalSearch, charterPages, charterPrint, importer };
export const en = { ...portal, ...editor, ...accounts, ...calendarAdmin, ...requests, ...requestsPublic, ...requestsStaff, ...notifications, ...requestsAttachments, ...requestsFollowup, ...api, ...open311, ...portalSearch, ...charterPages, ...charterPrint, ...importer };
