// The database file's name inside the data directory.
export const databaseFileName = 'duty-console.sqlite';
