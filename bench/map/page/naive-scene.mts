import L from 'leaflet'

/** The approach the canvas layer replaces: one Leaflet marker (one DOM node) per asset. */
export class NaiveScene {
  private readonly markers: L.Marker[] = []
  private readonly group: L.LayerGroup
  private readonly icon = L.divIcon({ className: 'naive-marker', iconSize: [10, 10] })

  constructor(map: L.Map, lat: Float64Array, lng: Float64Array) {
    this.group = L.layerGroup().addTo(map)
    for (let i = 0; i < lat.length; i++) {
      this.markers.push(L.marker([lat[i] ?? 0, lng[i] ?? 0], { icon: this.icon }).addTo(this.group))
    }
  }

  apply(lat: Float64Array, lng: Float64Array): void {
    for (let i = 0; i < this.markers.length; i++) this.markers[i]?.setLatLng([lat[i] ?? 0, lng[i] ?? 0])
  }

  dispose(): void {
    this.group.remove()
  }
}
