// Placeholder: the app module is being built.
