package all

import stdio "io"

func All(rs []stdio.Reader) stdio.Reader {
	return stdio.MultiReader(rs...)
}
