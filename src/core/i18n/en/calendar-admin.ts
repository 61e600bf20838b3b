// English text: calendar administration (national holidays, office closures and hours).
export const calendarAdmin = {
} as const;
