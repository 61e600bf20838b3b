// English text: charter-print (the printable charter and the notice-board copy).
export const charterPrint = {
  'print.link': 'Print or save as PDF (A4)',
  'print.link_a3': 'Notice-board copy (A3)',
  'print.page_title': '{office}: Citizen\'s Charter to print',
  'print.toolbar': 'Printing',
  'print.how_to': 'To print this charter or save it as a PDF, use your browser\'s Print command (Ctrl+P, or ⌘P on a Mac; on a phone: Share, then Print). Headers, menus and this box are left off the paper.',
  'print.paper': 'Paper size:',
  'print.paper_a4': 'A4, to hand out or keep on file',
  'print.paper_a3': 'A3, for the notice board',
  'print.paper_current': '(this page)',
  'print.back': 'Back to the charter',
  'print.printed_on': 'Printed on {date}',
  'print.edition': 'Version {number}, last updated {date}',
  'print.qr_label': 'QR code of the address of this charter on the web: {url}',
  'print.qr_caption': 'Scan for the latest version, or visit:',
  'print.grs_intro': 'If a service is not given as promised, contact these in order. Each has the time shown to resolve your complaint.',
};
