// Placeholder entry: the React shell (issue 3) replaces this.
export {};
