// A file as a page lists it (components/files/file-list.tsx), whichever table it comes from:
// the name and type its owner gave it, its size where the list shows one, and whether the portal
// re-encoded it (a picture, so it may be shown in the page). Pure, so any component can use it.
export type ListedFile = { id: string; fileName: string; mediaType: string; size?: number; reencoded?: boolean };
