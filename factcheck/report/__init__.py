"""Renderers: each turns a pipeline Result into one output format. They format; they never
recompute a judgement."""
