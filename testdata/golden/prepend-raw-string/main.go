package app

func Main() {}
