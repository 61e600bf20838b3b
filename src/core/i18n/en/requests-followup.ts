// English text: transfer to another office, the citizen's rating, the officer's reminder.
export const requestsFollowup = {
};
