// English text: the staff API, office API tokens and the API documentation page.
export const api = {
};
