// English text: the office's side of requests: the queue, the request page, registering at the desk.
export const requestsStaff = {
} as const;
