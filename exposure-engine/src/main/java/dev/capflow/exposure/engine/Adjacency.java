package dev.capflow.exposure.engine;

/** Out-arcs by vertex: vertex v's arcs are positions {@code start[v] .. start[v+1]}, each to {@code target[p]}, arc id {@code arc[p]}. */
record Adjacency(int vertices, int[] start, int[] target, int[] arc) {

    int positions() {
        return target.length;
    }
}
