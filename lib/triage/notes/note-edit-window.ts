// A note can be corrected by its author for this long after it was first
// written; after that it stands as written (every version is kept anyway).
export const NOTE_EDIT_WINDOW_MINUTES = 15;
