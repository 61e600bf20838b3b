// English text: importer.
export const importer = {
  // importer keys go here
};
