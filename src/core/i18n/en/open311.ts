// English text: Open311 GeoReport v2.
export const open311 = {
};
