// English text: the citizen's side of requests: applying online and tracking.
export const requestsPublic = {
} as const;
