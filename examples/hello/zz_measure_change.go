package main

var measureChange = 1
