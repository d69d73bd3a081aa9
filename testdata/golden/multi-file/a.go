package files

// Name is the file to read.
const Name = "data.txt"
