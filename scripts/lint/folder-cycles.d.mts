export type FolderGraph = Map<string, Set<string>>
export function roomOf(file: string): string
export function folderGraph(): FolderGraph
/** Groups of rooms that import each other in a circle. */
export function findCycles(graph: FolderGraph): string[][]
export function edgesWithin(graph: FolderGraph, group: string[]): string[]
