// Colours of compare mode, shared by the map and the legend (ColorBrewer Dark2: distinct for most
// colour-vision deficiencies, and none of them is a class colour of the default dataset).
export const CHANGE_COLORS = { gained: '#1b9e77', lost: '#d95f02', unchanged: '#7570b3' } as const;
