// The map screen fed with the visit schedule: each household's marker shows its most urgent task.
import { useMemo } from 'react'
import { useWorkArea } from '../../data/hooks'
import { useToday } from '../shared/today'
import { useSchedule } from '../shared/useAreaReports'
import MapScreen from './MapScreen'
import { mostUrgentStatus, noStatus, type StatusOf, type TaskState } from './status'

export default function MapRoute() {
  const today = useToday()
  const workArea = useWorkArea()
  // Without the schedule (still computing, or failed) the markers show no status; the map itself still works.
  const schedule = useSchedule(workArea?.id, today).value
  const statusOf = useMemo<StatusOf>(() => {
    if (!schedule) return noStatus
    const states = new Map<string, TaskState[]>()
    for (const task of schedule.tasks) {
      const list = states.get(task.householdId) ?? []
      list.push(task.state)
      states.set(task.householdId, list)
    }
    return (householdId) => mostUrgentStatus(states.get(householdId) ?? [])
  }, [schedule])
  return <MapScreen statusOf={statusOf} />
}
