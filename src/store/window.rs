//! The visible window of time, its width on screen and its animation.

use crate::core::viewport::{Limits, Viewport};

/// How long an animated move of the window takes.
pub const ANIMATION_MS: f64 = 220.0;

/// A running zoom/pan animation between two windows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Animation {
    pub from: Viewport,
    pub to: Viewport,
    /// The time (ms, `performance.now()`) of the first frame, once it has been seen.
    pub started_ms: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub viewport: Viewport,
    pub animation: Option<Animation>,
    /// Width of the timeline's drawing area in CSS pixels.
    pub width: f64,
    /// The system asks for reduced motion: the window jumps instead of easing.
    pub reduced_motion: bool,
    /// The window follows the filters: it eases to the matching events when they change.
    pub follow: bool,
}

impl Window {
    pub fn new(viewport: Viewport, reduced_motion: bool) -> Self {
        Self {
            viewport,
            animation: None,
            width: 960.0,
            reduced_motion,
            follow: true,
        }
    }

    /// The window the user is heading to (the animation's target while one runs).
    pub fn target(&self) -> Viewport {
        self.animation.map(|a| a.to).unwrap_or(self.viewport)
    }

    /// Moves to `target`, easing there when asked (and motion is welcome).
    pub fn go_to(&mut self, target: Viewport, animate: bool) {
        if target == self.viewport {
            self.animation = None;
        } else if animate && !self.reduced_motion {
            self.animation = Some(Animation {
                from: self.viewport,
                to: target,
                started_ms: None,
            });
        } else {
            self.animation = None;
            self.viewport = target;
        }
    }

    /// One animation frame at `now_ms`; false when no animation runs.
    pub fn frame(&mut self, now_ms: f64, limits: &Limits) -> bool {
        let Some(mut a) = self.animation else {
            return false;
        };
        let started = *a.started_ms.get_or_insert(now_ms);
        let t = ((now_ms - started) / ANIMATION_MS).clamp(0.0, 1.0);
        // Ease out (cubic): quick to respond, gentle to land.
        let eased = 1.0 - (1.0 - t).powi(3);
        self.viewport = a.from.lerp(&a.to, eased).clamp(limits);
        self.animation = if t >= 1.0 {
            self.viewport = a.to;
            None
        } else {
            Some(a)
        };
        true
    }
}
